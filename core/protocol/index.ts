export * from "./names";
export * from "./codes";
export * from "./rules";
export * from "./joinCode";
export * from "./payloads";
export * from "./permissions";
export * from "./http";
export * from "./voice";
