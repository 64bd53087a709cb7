import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import RoomPage from "../../../client/room/RoomPage";
import { createRoomStore } from "../../../client/room/roomStore";
import { GROUP_AGREEMENT, NOT_THERAPY_NOTICE } from "../../../core/care";
import { PSEUDONYM_ADJECTIVES, PSEUDONYM_NOUNS } from "../../../core/protocol";
import { CODE, fakeServices } from "./helpers";

const isSuggested = (name: string) => {
  const [a, n] = name.split(" ");
  return (PSEUDONYM_ADJECTIVES as readonly string[]).includes(a!) && (PSEUDONYM_NOUNS as readonly string[]).includes(n!);
};

describe("joining a circle", () => {
  it("looks the code up in any spelling and shows the circle's title and place first", async () => {
    const services = fakeServices();
    render(<RoomPage code="k7p m2q xw9" services={services} />);
    expect(screen.getByText("Looking up this circle…")).toBeTruthy();
    expect(await screen.findByRole("heading", { name: "Thursday evening circle" })).toBeTruthy();
    expect(services.fetchPreview).toHaveBeenCalledWith(CODE);
    expect(screen.getByText("Forest clearing")).toBeTruthy();
    expect(screen.getByText(CODE)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Enter as facilitator" })).toBeNull();
  });

  it("asks for the agreement before a name, and goes on only once it is ticked", async () => {
    const services = fakeServices();
    render(<RoomPage code={CODE} services={services} />);
    fireEvent.click(await screen.findByRole("button", { name: "Continue" }));
    expect(screen.getByRole("heading", { name: "Our group agreement" })).toBeTruthy();
    for (const line of GROUP_AGREEMENT) expect(screen.getByText(line)).toBeTruthy();
    expect(screen.getByText(NOT_THERAPY_NOTICE)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "I agree, continue" }));
    expect(screen.getByRole("alert").textContent).toMatch(/tick the box/);
    expect(screen.queryByLabelText("A name for this circle")).toBeNull();
    fireEvent.click(screen.getByRole("checkbox"));
    fireEvent.click(screen.getByRole("button", { name: "I agree, continue" }));
    expect(screen.getByRole("heading", { name: "How you'll appear" })).toBeTruthy();
    // The new step's heading takes focus, so a screen reader starts there.
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "How you'll appear" }));
  });

  it("suggests a calm name (never asks for a real one), offers eight colours, and enters with them", async () => {
    const services = fakeServices();
    services.store.setState({ phase: "identity", code: CODE, preview: { title: "T", environment: "shore", scheduledAt: null } });
    render(<RoomPage code={CODE} services={services} />);
    const name = screen.getByLabelText("A name for this circle") as HTMLInputElement;
    expect(isSuggested(name.value)).toBe(true);
    expect(screen.getByText(/Not your real name/)).toBeTruthy();
    const first = name.value;
    fireEvent.click(screen.getByRole("button", { name: "Suggest one" }));
    expect(name.value).not.toBe(first);
    expect(isSuggested(name.value)).toBe(true);
    const looks = screen.getAllByRole("radio");
    expect(looks.map((r) => r.closest("label")!.textContent)).toEqual(["Sage", "Sky", "Sand", "Moss", "Dusk", "Coral", "Slate", "Plum"]);
    fireEvent.click(screen.getByRole("radio", { name: "Dusk" }));
    fireEvent.change(name, { target: { value: "  Night   Owl " } });
    fireEvent.click(screen.getByRole("button", { name: "Enter the circle" }));
    expect(services.store.getState()).toMatchObject({ pseudonym: "Night Owl", look: "dusk", asFacilitator: false });
    expect(services.enter).toHaveBeenCalledWith(undefined);
  });

  it("refuses an empty or unprintable name on the spot, without joining", () => {
    const services = fakeServices();
    services.store.setState({ phase: "identity", code: CODE, preview: { title: "T", environment: "shore", scheduledAt: null } });
    render(<RoomPage code={CODE} services={services} />);
    fireEvent.change(screen.getByLabelText("A name for this circle"), { target: { value: "   " } });
    fireEvent.click(screen.getByRole("button", { name: "Enter the circle" }));
    expect(screen.getByRole("alert").textContent).toMatch(/1 to 24 letters/);
    expect(screen.getByLabelText("A name for this circle").getAttribute("aria-invalid")).toBe("true");
    expect(services.enter).not.toHaveBeenCalled();
  });

  it("lets a signed-in facilitator enter as the facilitator, skipping the agreement, with their token", async () => {
    const services = fakeServices(undefined, { facilitatorToken: () => "jwt-of-the-facilitator" });
    render(<RoomPage code={CODE} services={services} />);
    fireEvent.click(await screen.findByRole("button", { name: "Enter as facilitator" }));
    expect(screen.queryByRole("heading", { name: "Our group agreement" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Enter the circle" }));
    expect(services.store.getState().asFacilitator).toBe(true);
    expect(services.enter).toHaveBeenCalledWith("jwt-of-the-facilitator");
  });

  it.each([
    ["unknown-code", "We couldn't find that circle"],
    ["ended", "This circle has ended"],
    ["unreachable", "We couldn't reach the circle"],
  ] as const)("a lookup refused as %s says so kindly", async (refused, title) => {
    const services = fakeServices(undefined, { fetchPreview: vi.fn(async () => ({ refused })) });
    render(<RoomPage code={CODE} services={services} />);
    expect(await screen.findByRole("heading", { name: title })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Back to the calm space" }).getAttribute("href")).toBe("/");
  });

  it("a link whose code cannot be one says so, and offers to type it again", () => {
    const services = fakeServices();
    render(<RoomPage code="not-a-code" services={services} />);
    expect(screen.getByRole("heading", { name: "That doesn't look like a circle code" })).toBeTruthy();
    expect(services.fetchPreview).not.toHaveBeenCalled();
    expect(screen.getByLabelText("Type the code again")).toBeTruthy();
  });

  it("shows that it is joining, then the circle once seated", async () => {
    const store = createRoomStore();
    const services = fakeServices(store, {
      enter: vi.fn(async () => void store.setState({ phase: "joining" })),
    });
    store.setState({ phase: "identity", code: CODE, preview: { title: "Thursday evening circle", environment: "shore", scheduledAt: null } });
    render(<RoomPage code={CODE} services={services} />);
    fireEvent.click(screen.getByRole("button", { name: "Enter the circle" }));
    await waitFor(() => expect(screen.getByRole("heading", { name: "Joining the circle…" })).toBeTruthy());
    act(() => store.setState({ phase: "in", me: "me", session: { ...store.getState().session, title: "Thursday evening circle" } }));
    expect(screen.getByRole("heading", { name: "Thursday evening circle" })).toBeTruthy();
    expect(screen.getByText("The facilitator will open the circle soon")).toBeTruthy();
  });
});
