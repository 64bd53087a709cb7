export * from "./guided";
export * from "./catalogue";
