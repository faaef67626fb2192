/** Runs a callback once, before the next paint; returns a function that cancels it. */
export type FrameScheduler = (callback: () => void) => () => void;

/**
 * requestAnimationFrame, with a timer as a backstop: a hidden or minimised window gets no
 * frames, and pushes must not pile up until it is shown again.
 */
export function animationFrameScheduler(backstopMs = 250): FrameScheduler {
  return (callback) => {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      callback();
    };
    const frame = requestAnimationFrame(run);
    const timer = setTimeout(run, backstopMs);
    return () => {
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  };
}
