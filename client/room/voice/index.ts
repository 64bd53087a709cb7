export { followVoice, voiceFrame, type VoiceRoom } from "./followVoice";
export { MicButton, VoiceNote, VoiceSettings } from "./VoiceControls";
export { useVoiceStore, createVoiceStore, VOICE_PREFS_KEY, type VoiceState, type VoiceStore, type MicState } from "./voiceStore";
export { VoiceSpace } from "./VoiceSpace";
