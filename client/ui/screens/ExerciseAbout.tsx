import type { Exercise } from "../../../core/exercises";

/** What the chosen exercise is, where its evidence comes from, and when to take care. */
export function ExerciseAbout({ exercise }: { exercise: Exercise }) {
  const about = exercise.kind === "breathing" ? exercise.pattern : exercise.script;
  return (
    <div className="about">
      <p className="summary">{about.summary}</p>
      <h2>Why it may help</h2>
      <p>{about.evidence.note}</p>
      <p className="source">Source: {about.evidence.source}</p>
      <h2>Take care</h2>
      <ul>
        {about.cautions.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </div>
  );
}
