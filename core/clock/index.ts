export * from "./offset";
export { ServerClock } from "./ServerClock";
