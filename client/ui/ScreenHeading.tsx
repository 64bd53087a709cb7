import { createContext, useContext, useEffect, useRef, type ReactNode } from "react";

/** True once the person has moved between screens; the first screen keeps the page's natural focus order. */
export const FocusHeadingContext = createContext(false);

/**
 * A screen's title. After each screen change it takes focus, so keyboard and
 * screen-reader users land at the top of the new content instead of on a
 * button that no longer exists.
 */
export function ScreenHeading({ children, id }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const shouldFocus = useContext(FocusHeadingContext);
  useEffect(() => {
    if (shouldFocus) ref.current?.focus();
  }, [shouldFocus]);
  return (
    <h1 ref={ref} id={id} tabIndex={-1} className="screen-heading">
      {children}
    </h1>
  );
}
