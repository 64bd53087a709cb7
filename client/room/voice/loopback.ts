/**
 * Send `stream` through a pair of RTCPeerConnections inside this page and give back what comes out.
 * Chrome's echo canceller only knows audio that a WebRTC remote track plays out; what Web Audio
 * plays is invisible to it, so a person on speakers would send the circle back to itself. Played
 * from this loopback's remote end, the spatial mix is a WebRTC remote track again (Mozilla Hubs
 * does the same). Host candidates only; the traffic never leaves the device.
 */
export async function loopback(stream: MediaStream): Promise<{ stream: MediaStream; close: () => void }> {
  const a = new RTCPeerConnection();
  const b = new RTCPeerConnection();
  const close = () => {
    a.close();
    b.close();
  };
  try {
    a.onicecandidate = ({ candidate }) => void (candidate && b.addIceCandidate(candidate).catch(() => {}));
    b.onicecandidate = ({ candidate }) => void (candidate && a.addIceCandidate(candidate).catch(() => {}));
    const received = new Promise<MediaStream>((done) => (b.ontrack = ({ track, streams }) => done(streams[0] ?? new MediaStream([track]))));
    for (const track of stream.getAudioTracks()) a.addTrack(track, stream);
    await a.setLocalDescription();
    await b.setRemoteDescription(a.localDescription!);
    await b.setLocalDescription();
    // The mix is the whole circle: let it keep its quality (Opus up to 128 kbit/s, stereo) on the way through.
    const answer = b.localDescription!.sdp.replace(/(a=fmtp:\d+ [^\r\n]*useinbandfec=1)/, "$1;stereo=1;maxaveragebitrate=128000");
    await a.setRemoteDescription({ type: "answer", sdp: answer });
    return { stream: await received, close };
  } catch (error) {
    close();
    throw error;
  }
}
