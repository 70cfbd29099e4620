import type { Block, Input, InstrumentBlock, Module, RegistrationBlock } from '../generated/format.js';

/** A block with its place. */
export interface PlacedBlock<B extends Block = Block> {
  block: B;
  path: string;
  pageIndex: number;
  blockIndex: number;
}

/** Every block of a module, in document order. */
export function placedBlocks(module: Module): PlacedBlock[] {
  return module.pages.flatMap((page, pageIndex) =>
    page.blocks.map((block, blockIndex) => ({ block, path: `/pages/${pageIndex}/blocks/${blockIndex}`, pageIndex, blockIndex })),
  );
}

/** The instrument blocks of a module. */
export function placedInstruments(module: Module): Array<PlacedBlock<InstrumentBlock>> {
  return placedBlocks(module).filter((placed): placed is PlacedBlock<InstrumentBlock> => placed.block.type === 'instrument');
}

/** The registration blocks of a module. */
export function placedRegistrations(module: Module): Array<PlacedBlock<RegistrationBlock>> {
  return placedBlocks(module).filter((placed): placed is PlacedBlock<RegistrationBlock> => placed.block.type === 'registration');
}

/** Every input of a question or of an exercise or registration field, with its path. */
export function placedInputs(module: Module): Array<{ input: Input; path: string }> {
  return placedBlocks(module).flatMap(({ block, path }) => {
    if (block.type === 'question') return [{ input: block.input, path: `${path}/input` }];
    if (block.type === 'exercise' || block.type === 'registration') {
      return (block.fields ?? []).map((field, index) => ({ input: field.input, path: `${path}/fields/${index}/input` }));
    }
    return [];
  });
}

/** Every list of options whose ids must differ, with its path. */
export function optionLists(module: Module): Array<{ options: ReadonlyArray<{ id: string }>; path: string }> {
  const lists: Array<{ options: ReadonlyArray<{ id: string }>; path: string }> = [];
  for (const { input, path } of placedInputs(module)) {
    if ('options' in input && input.options) lists.push({ options: input.options, path: `${path}/options` });
  }
  for (const { block, path } of placedBlocks(module)) {
    if (block.type === 'grid') lists.push({ options: block.options, path: `${path}/options` });
    if (block.type !== 'instrument') continue;
    if (block.options) lists.push({ options: block.options, path: `${path}/options` });
    block.items.forEach((item, index) => {
      if (item.options) lists.push({ options: item.options, path: `${path}/items/${index}/options` });
    });
  }
  return lists;
}
