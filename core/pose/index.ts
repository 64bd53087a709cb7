export * from "./quantize";
export { POSE_DELAY_MS, PoseBuffer } from "./PoseBuffer";
export * from "./frame";
