// Entry of the designer bundle served at /designer: defines every element and mounts the app.
import './designer-app.js';
import '../library/library.js';
import '../people/people-screen.js';
import '../library/media-library-screen.js';
import '../people/accept-invitation.js';
import '../review/review-screen.js';
import '../review/test-run.js';
import '../simulate/simulator.js';
import '../program/program-editor.js';
// The module editor defines <cl-module-editor>; the app waits for it with customElements.whenDefined,
// so the order of these imports does not matter.
import '../editor/define.js';

document.title = 'Careloom Designer';
if (!document.querySelector('cl-designer-app')) document.body.append(document.createElement('cl-designer-app'));
