// The workflow table is shared with the designer (which shows only the buttons a person may use),
// so it lives beside the format in schemas/; the runtime's domain keeps importing it from here.
export * from '@careloom/format/workflow';
