// The clinic's entry (therapists and care-provider admins): bundled to `/clinic` by the runtime's web server.
import './clinic-app.js';

document.body.append(document.createElement('cl-clinic-app'));
