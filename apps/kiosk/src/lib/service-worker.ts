/**
 * Registers the kiosk's service worker (generated at build time as `sw.js` beside index.html). It
 * precaches the shell, so a reload or a power cut while the network is down still starts the
 * kiosk. Without service workers (an old browser, a page not served over HTTPS) the kiosk works
 * as before, online only.
 */
export function registerServiceWorker(
  base: string,
  container = globalThis.navigator?.serviceWorker,
) {
  if (!container) return;
  const register = () => {
    container.register(`${base}sw.js`, { scope: base }).catch((error: unknown) => {
      console.error('service worker registration failed', error);
    });
  };
  // After the page's own loading, so the first paint does not wait for the precache.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
