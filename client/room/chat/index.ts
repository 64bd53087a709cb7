/** Words in the circle: chat, its moderation, the crisis offer and shared learning cards. */
import "./chat.css";

export { ChatPanel } from "./ChatPanel";
export { CardOverlay } from "./CardOverlay";
export { ChatModeration, ChatAlertList } from "./ChatModeration";
export { CrisisOffer } from "./CrisisOffer";
export { VrChatPanel } from "./VrChatPanel";
export { VrCardPanel } from "./VrCardPanel";
export { followChat } from "./followChat";
export { useChatStore } from "./chatStore";
