export * from "./quantize";
export { PoseBuffer } from "./PoseBuffer";
