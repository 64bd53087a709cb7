export * from "./crisis";
export * from "./notices";
