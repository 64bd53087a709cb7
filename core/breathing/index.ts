export * from "./patterns";
export * from "./phaseAt";
export * from "./custom";
