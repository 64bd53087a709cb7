import type { ReactNode } from "react";

/**
 * Stand-in for drei's <Text>: troika lays text out in a worker with a font
 * download, neither of which exists here. The words become the group's name,
 * so a test can find what a panel says.
 */
export function Text({ children }: { children?: ReactNode }) {
  return <group name={`text:${String(children)}`} />;
}
