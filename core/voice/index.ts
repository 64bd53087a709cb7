export * from "./audible";
export * from "./sdp";
export * from "./limits";
