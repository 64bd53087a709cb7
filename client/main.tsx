import "@fontsource/atkinson-hyperlegible/400.css";
import "@fontsource/atkinson-hyperlegible/700.css";
import "./styles/app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { startServices } from "./app/services";
import { frame } from "./state/frame";
import { useAppStore } from "./state/store";
import { exposeTestHooks } from "./state/testHooks";

exposeTestHooks({ store: useAppStore, frame });
startServices();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
