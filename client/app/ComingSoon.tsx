/** Group rooms arrive in a later release; until then these routes say so and point home. */
export function ComingSoon({ what }: { what: string }) {
  return (
    <section aria-labelledby="soon-heading" className="screen">
      <h1 id="soon-heading" tabIndex={-1} className="screen-heading">
        {what} is coming soon
      </h1>
      <p>Group circles are not open yet. The calm space works now, on its own.</p>
      <p>
        <a href="/">Go to the calm space</a>
      </p>
    </section>
  );
}
