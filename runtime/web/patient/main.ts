// The patient app's entry: bundled to `/` by the runtime's web server (runtime/src/web/).
import './patient-app.js';

document.body.append(document.createElement('cl-patient-app'));
