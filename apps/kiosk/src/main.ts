import '@seoro/ui/tokens.css';
import '@seoro/ui/fonts.css';
import '@seoro/ui/utilities.css';
import '@seoro/ui/kiosk/actions.css';
import '@seoro/ui/kiosk/result.css';
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { registerServiceWorker } from './lib/service-worker';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

// The built kiosk keeps its shell in a service worker, so it starts with the network down.
if (import.meta.env.PROD) registerServiceWorker(import.meta.env.BASE_URL);

export default mount(App, { target });
