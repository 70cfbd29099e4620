// The patient app's entry: bundled to `/` by the runtime's web server (runtime/src/web/).
import './patient-app.js';

document.body.append(document.createElement('cl-patient-app'));

// The service worker keeps the app and the patient's last data on the device, so the app opens
// without a connection (runtime/src/web/patient-offline.ts). Browsers without one, or a page not
// served over https or from localhost, simply work online only.
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
    // Installing is a convenience: the app works without it.
  });
}
