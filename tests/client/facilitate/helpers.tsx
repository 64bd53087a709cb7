import { fireEvent, render, screen } from "@testing-library/react";
import { afterEach, vi } from "vitest";
import FacilitatePage from "../../../client/facilitate/FacilitatePage";
import { setFacilitatorToken } from "../../../client/facilitate/auth";
import type { installFakeApi } from "./fakeApi";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  sessionStorage.clear();
  history.replaceState(null, "", "/facilitate");
});

export const TOKEN_KEY = "breathing-room.facilitator-token";

/** Type into a field found by its label, as a person would (one change event). */
export function type(label: string | RegExp, value: string, within: HTMLElement = document.body): HTMLInputElement {
  const input = [...within.querySelectorAll<HTMLInputElement>("input, select")].find((el) =>
    [...(el.labels ?? [])].some((l) => (typeof label === "string" ? l.textContent === label : label.test(l.textContent ?? ""))),
  );
  if (!input) throw new Error(`no field labelled ${String(label)}`);
  fireEvent.change(input, { target: { value } });
  return input;
}

export const click = (name: string | RegExp) => fireEvent.click(screen.getByRole("button", { name }));

/** The page, signed in already (a kept token the server accepts). */
export async function signedInPage(api: ReturnType<typeof installFakeApi>) {
  setFacilitatorToken(api.token, false);
  const view = render(<FacilitatePage />);
  await screen.findByRole("heading", { name: "Your sessions", level: 1 });
  await screen.findByRole("heading", { name: "Upcoming sessions" });
  return view;
}

/** The page with nobody signed in. */
export async function signedOutPage() {
  const view = render(<FacilitatePage />);
  await screen.findByRole("heading", { name: "Sign in to facilitate" });
  return view;
}

