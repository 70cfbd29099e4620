// A small module with a branch, for the test run's tests (the example branch sits five pages into the panic course).
import type { Module } from '@careloom/format';

const en = (text: string) => ({ en: text });

/** "Worried?" — yes goes on to the details page, no skips it. */
export const branchingModule: Module = {
  formatVersion: 1,
  id: 'worry-check',
  title: en('Worry check'),
  languages: ['en'],
  defaultLanguage: 'en',
  pages: [
    {
      id: 'screening',
      title: en('Screening'),
      blocks: [
        {
          type: 'question',
          id: 'worried',
          prompt: en('Have you been worried this week?'),
          required: true,
          input: { kind: 'singleChoice', options: [{ id: 'yes', label: en('Yes') }, { id: 'no', label: en('No') }] },
        },
      ],
      branches: [{ when: { op: 'eq', item: 'worried', value: 'no' }, goTo: 'summary' }],
    },
    {
      id: 'details',
      title: en('About your worry'),
      blocks: [{ type: 'question', id: 'worryAbout', prompt: en('What worried you?'), input: { kind: 'text', maxLength: 200 } }],
    },
    {
      id: 'summary',
      title: en('Thank you'),
      blocks: [{ type: 'text', id: 'thanks', content: { en: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'That is all for this week.' }] }] } } }],
    },
  ],
};
