// Small modules for the renderer's tests: every input kind, and a grid (no example module has one).
import type { Module } from '@careloom/format';

const en = (text: string) => ({ en: text });

export const everyInput: Module = {
  formatVersion: 1,
  id: 'every-input',
  title: en('Every input'),
  languages: ['en'],
  defaultLanguage: 'en',
  pages: [
    {
      id: 'inputs',
      title: en('Every kind of input'),
      blocks: [
        {
          type: 'question',
          id: 'country',
          prompt: en('Where do you live?'),
          help: en('Pick the country of your care unit.'),
          required: true,
          input: {
            kind: 'singleChoice',
            display: 'dropdown',
            options: [
              { id: 'se', label: en('Sweden') },
              { id: 'no', label: en('Norway') },
              { id: 'dk', label: en('Denmark') },
            ],
          },
        },
        {
          type: 'question',
          id: 'mood',
          prompt: en('How is your mood today?'),
          input: {
            kind: 'scale',
            options: [
              { id: 'bad', label: en('Bad'), value: 0 },
              { id: 'ok', label: en('OK'), value: 1 },
              { id: 'good', label: en('Good'), value: 2 },
            ],
          },
        },
        {
          type: 'question',
          id: 'symptoms',
          prompt: en('Which symptoms did you have?'),
          input: {
            kind: 'multipleChoice',
            minSelected: 1,
            maxSelected: 2,
            options: [
              { id: 'headache', label: en('Headache') },
              { id: 'nausea', label: en('Nausea') },
              { id: 'dizzy', label: en('Dizziness') },
            ],
          },
        },
        {
          type: 'question',
          id: 'anxiety',
          prompt: en('How anxious are you right now?'),
          input: { kind: 'slider', min: 0, max: 10, step: 1, minLabel: en('Not at all'), maxLabel: en('Extremely') },
        },
        {
          type: 'question',
          id: 'weight',
          prompt: en('Your weight'),
          input: { kind: 'number', unit: { code: 'kg', label: en('kg') }, min: 30, max: 250, decimals: 1 },
        },
        { type: 'question', id: 'note', prompt: en('Anything else?'), input: { kind: 'text', maxLength: 100 } },
        { type: 'question', id: 'story', prompt: en('Tell us more'), input: { kind: 'text', maxLength: 2000, multiline: true } },
        { type: 'question', id: 'day', prompt: en('Which day?'), input: { kind: 'dateTime', mode: 'date' } },
        { type: 'question', id: 'bedtime', prompt: en('When did you go to bed?'), input: { kind: 'dateTime', mode: 'time' } },
        { type: 'question', id: 'when', prompt: en('When did it start?'), input: { kind: 'dateTime', mode: 'dateTime' } },
        {
          type: 'question',
          id: 'slept',
          prompt: en('Did you sleep well?'),
          input: { kind: 'yesNo', yesLabel: en('Yes, well'), noLabel: en('No, badly') },
        },
      ],
    },
  ],
};

export const gridModule: Module = {
  formatVersion: 1,
  id: 'grid-module',
  title: en('Grid'),
  languages: ['en'],
  defaultLanguage: 'en',
  pages: [
    {
      id: 'grid',
      title: en('Your week'),
      blocks: [
        {
          type: 'grid',
          id: 'week',
          prompt: en('How often in the last week did you …'),
          required: true,
          options: [
            { id: 'never', label: en('Never'), value: 0 },
            { id: 'sometimes', label: en('Sometimes'), value: 1 },
            { id: 'often', label: en('Often'), value: 2 },
            { id: 'always', label: en('Nearly every day'), value: 3 },
          ],
          rows: [
            { id: 'weekSleep', prompt: en('sleep badly?') },
            { id: 'weekWorry', prompt: en('worry about your health?') },
            { id: 'weekAvoid', prompt: en('avoid places where an attack could happen?') },
          ],
        },
      ],
    },
  ],
};

export const unsafeRichText: Module = {
  formatVersion: 1,
  id: 'unsafe-text',
  title: en('Unsafe'),
  languages: ['en'],
  defaultLanguage: 'en',
  pages: [
    {
      id: 'text',
      title: en('Rich text'),
      blocks: [
        {
          type: 'text',
          id: 'richText',
          content: {
            en: {
              type: 'doc',
              content: [
                {
                  type: 'paragraph',
                  content: [
                    { type: 'text', text: '<img src=x onerror="window.hacked=1">' },
                    { type: 'hardBreak' },
                    { type: 'text', text: 'safe link', marks: [{ type: 'link', attrs: { href: 'https://example.org', target: '_blank' } }] },
                    { type: 'text', text: ' and ' },
                    { type: 'text', text: 'bad link', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
                    { type: 'text', text: 'off-site link', marks: [{ type: 'link', attrs: { href: '//evil.example/phish' } }] },
                    { type: 'text', text: 'backslash link', marks: [{ type: 'link', attrs: { href: '/\\evil.example' } }] },
                  ],
                },
                { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'third', marks: [{ type: 'italic' }, { type: 'bold' }] }] }] }] },
                { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quoted' }] }] },
                { type: 'horizontalRule' },
                { type: 'script', content: [{ type: 'text', text: 'kept as text' }] } as unknown as never,
              ],
            },
          },
        },
      ],
    },
  ],
};
