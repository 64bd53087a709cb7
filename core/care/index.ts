export * from "./crisis";
export * from "./notices";
export * from "./crisisMatch";
export * from "./phrases";
export * from "./cards";
