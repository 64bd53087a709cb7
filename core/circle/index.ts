export * from "./seats";
