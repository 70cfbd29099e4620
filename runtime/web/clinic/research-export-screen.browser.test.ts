import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ApiClient } from '@careloom/client/api';
import { overflowing, seriousViolations, settleAll, until } from '../shared/test-helpers.js';
import type { ClResearchExportScreen } from './research-export-screen.js';
import './research-export-screen.js';

const DOCUMENTS = { documents: [{ documentId: 'panic-icbt-8-weeks', title: 'Panic disorder, 8 weeks', units: [{ id: 'u1', name: 'Clinic North' }, { id: 'u2', name: 'Clinic South' }], modules: [{ moduleId: 'phq-9', version: 1 }, { moduleId: 'panic-diary', version: 2 }] }] };
const MANIFEST = { participants: 12, files: [{ name: 'codebook.csv', title: 'Codebook', kind: 'codebook', rows: 16 }, { name: 'phq-9_v1_phq9.csv', title: 'PHQ-9 (phq-9 version 1)', kind: 'instrument', rows: 4 }] };

function api() {
  const requests: string[] = [];
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(String(input), location.href);
    requests.push(`${url.pathname}${url.search}`);
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
    if (url.pathname.endsWith('/research-exports')) return json(DOCUMENTS);
    if (url.search.includes('from=2026-04-01')) return json({ type: 'about:blank', title: 'Invalid', status: 422, detail: '"to" must not be before "from".' }, 422);
    return json(MANIFEST);
  };
  return { client: new ApiClient({ fetch }), requests };
}

/** A CSV that arrives in parts, released by the test one at a time. */
function slowFile(parts: string[]) {
  const release: Array<() => void> = [];
  const gates = parts.map(() => new Promise<void>((resolve) => release.push(resolve)));
  const urls: string[] = [];
  const fetchFile = (async (input: RequestInfo | URL) => {
    urls.push(String(input));
    const encoder = new TextEncoder();
    let index = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (index >= parts.length) return controller.close();
        await gates[index];
        controller.enqueue(encoder.encode(parts[index]!));
        index += 1;
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/csv' } });
  }) as typeof fetch;
  return { fetchFile, release, urls };
}

async function mount(language = 'en') {
  const server = api();
  const screen = await fixture<ClResearchExportScreen>(html`<cl-research-export-screen .api=${server.client} .language=${language} organisation-id="care-1"></cl-research-export-screen>`);
  await until(() => screen.documents !== null);
  await settleAll(screen);
  return { screen, server, root: screen.shadowRoot! };
}

describe('<cl-research-export-screen>', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('asks for the chosen configuration and lists its files with their sizes', async () => {
    const { screen, server, root } = await mount();
    (root.querySelector('select[name="unit"]') as HTMLSelectElement).value = 'u2';
    (root.querySelector('select[name="module"]') as HTMLSelectElement).value = 'phq-9@1';
    (root.querySelector('input[name="from"]') as HTMLInputElement).value = '2026-03-01';
    root.querySelector('form')!.requestSubmit();
    await until(() => root.querySelectorAll('li.file').length === 2);
    expect(server.requests.at(-1)).to.equal('/api/care/providers/care-1/research-exports/panic-icbt-8-weeks/manifest?unitId=u2&moduleId=phq-9&moduleVersion=1&from=2026-03-01');
    expect(root.querySelector('#files-heading')!.textContent).to.equal('Files of the export: 12 participants');
    expect(root.querySelector('[data-file="phq-9_v1_phq9.csv"]')!.textContent).to.contain('4 rows');
    expect(root.querySelector('[data-file="codebook.csv"] h3')!.textContent).to.equal('Codebook: what every column means');
    screen.remove();
  });

  it('shows how many rows of a file have arrived while it downloads', async () => {
    const { screen, root } = await mount();
    const file = slowFile(['participant,unit\n', 'P1,u1\nP1,u1\n', 'P2,u1\nP3,u2\n']);
    screen.fetchFile = file.fetchFile;
    root.querySelector('form')!.requestSubmit();
    await until(() => root.querySelector('[data-file="phq-9_v1_phq9.csv"] button'));
    (root.querySelector('[data-file="phq-9_v1_phq9.csv"] button') as HTMLButtonElement).click();
    file.release[0]!();
    file.release[1]!();
    await until(() => root.querySelector('[data-file="phq-9_v1_phq9.csv"] [role="status"]')?.textContent === '2 of 4 rows received');
    expect((root.querySelector('[data-file="phq-9_v1_phq9.csv"] progress') as HTMLProgressElement).value).to.equal(2);
    expect((root.querySelector('[data-file="phq-9_v1_phq9.csv"] button') as HTMLButtonElement).disabled).to.equal(true);
    file.release[2]!();
    await until(() => root.querySelector('[data-file="phq-9_v1_phq9.csv"] [role="status"]')?.textContent === 'Downloaded.');
    expect(file.urls[0]).to.equal('/api/care/providers/care-1/research-exports/panic-icbt-8-weeks/files/phq-9_v1_phq9.csv');
    screen.remove();
  });

  it('says what is wrong with a configuration', async () => {
    const { screen, root } = await mount();
    (root.querySelector('input[name="from"]') as HTMLInputElement).value = '2026-04-01';
    root.querySelector('form')!.requestSubmit();
    await until(() => root.querySelector('form .form-error'));
    expect(root.querySelector('form .form-error')!.textContent).to.equal('"to" must not be before "from".');
    screen.remove();
  });

  it('reads in Swedish and Norwegian, fits 360 px and has no serious accessibility problems', async () => {
    for (const [language, title] of [['sv', 'Forskningsexport'], ['nb', 'Forskningseksport']] as const) {
      const { screen, root } = await mount(language);
      expect(root.querySelector('h1')!.textContent).to.equal(title);
      screen.remove();
    }
    await setViewport({ width: 360, height: 740 });
    const { screen, root } = await mount();
    root.querySelector('form')!.requestSubmit();
    await until(() => root.querySelectorAll('li.file').length === 2);
    expect(overflowing(screen, 360)).to.deep.equal([]);
    expect(await seriousViolations(screen)).to.deep.equal([]);
  });
});
