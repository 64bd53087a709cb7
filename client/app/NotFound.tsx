import { useEffect, useRef } from "react";

/**
 * An address the app does not know: say so plainly, and offer the way to the
 * calm space (and, for anyone who came with a circle's code, how to use it).
 * The heading takes focus so a screen reader announces where the person is.
 */
export function NotFound({ pathname }: { pathname: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="not-found-heading" className="screen not-found">
      <h1 id="not-found-heading" ref={heading} tabIndex={-1} className="screen-heading">
        Page not found
      </h1>
      <p>
        There is nothing at <code>{pathname}</code>. The link may be mistyped, or the page may have moved.
      </p>
      <p>If you were given a circle&apos;s link, check it with whoever shared it: circle links look like /room/ followed by a code.</p>
      <p>
        <a className="button-link" href="/">
          Go to the calm space
        </a>
      </p>
    </section>
  );
}
