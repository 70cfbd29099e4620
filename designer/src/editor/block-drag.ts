import { css } from 'lit';

/**
 * The drag data type of a block being moved on the canvas. A type of its own, not text/plain, so
 * that a text field the block is dragged across does not take the drop as typed text, and drags
 * from elsewhere (files, other pages' text) are not taken for a block.
 */
export const BLOCK_DRAG_TYPE = 'application/x-careloom-block';

export const blockDragStyles = css`
  .drag-handle { cursor: grab; user-select: none; padding: 0 0.25rem; font-size: 1.25rem; line-height: 1; color: var(--cl-muted); }
  .drag-handle:active { cursor: grabbing; }
  .block.drop-target { border: 2px dashed var(--cl-accent); }
  .block.dragging { opacity: 0.6; }
`;

/**
 * Drag and drop of the canvas's blocks, a pointer alternative to the move buttons (which stay the
 * keyboard way): a block's handle starts the drag, any other block is a drop target, and dropping
 * puts the dragged block at the target's place. The drag carries the block's id rather than its
 * index, so a list another editor changed meanwhile still moves the right block.
 *
 * @example
 * const drag = new BlockDrag();
 * html`<section @dragover=${drag.over} @dragleave=${drag.leave} @drop=${(event) => move(drag.drop(event), id)}>
 *   <span draggable="true" @dragstart=${(event) => drag.start(event, id)} @dragend=${drag.end}>⠿</span>`;
 */
export class BlockDrag {
  #dragging: string | undefined;

  /** The id of the block being dragged, if any. */
  get dragging(): string | undefined {
    return this.#dragging;
  }

  start(event: DragEvent, blockId: string): void {
    const transfer = event.dataTransfer;
    if (!transfer) return;
    this.#dragging = blockId;
    transfer.setData(BLOCK_DRAG_TYPE, blockId);
    transfer.effectAllowed = 'move';
    const section = (event.currentTarget as HTMLElement | null)?.closest('section.block');
    if (section instanceof HTMLElement) {
      transfer.setDragImage(section, 16, 16);
      section.classList.add('dragging');
    }
  }

  readonly over = (event: DragEvent): void => {
    if (!this.#carriesBlock(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    (event.currentTarget as HTMLElement).classList.add('drop-target');
  };

  readonly leave = (event: DragEvent): void => {
    const target = event.currentTarget as HTMLElement;
    // Moving between the block's own children also fires dragleave; only leaving the block counts.
    if (event.relatedTarget instanceof Node && target.contains(event.relatedTarget)) return;
    target.classList.remove('drop-target');
  };

  readonly end = (event: DragEvent): void => {
    this.#dragging = undefined;
    (event.currentTarget as HTMLElement | null)?.closest('section.block')?.classList.remove('dragging');
  };

  /** Handles a drop: the id of the dragged block, or undefined when the drop is not a block. */
  drop(event: DragEvent): string | undefined {
    const target = event.currentTarget as HTMLElement;
    target.classList.remove('drop-target');
    if (!this.#carriesBlock(event)) return undefined;
    event.preventDefault();
    const blockId = event.dataTransfer?.getData(BLOCK_DRAG_TYPE) || this.#dragging;
    this.#dragging = undefined;
    target.parentElement?.querySelectorAll('section.block.dragging').forEach((section) => section.classList.remove('dragging'));
    return blockId || undefined;
  }

  #carriesBlock(event: DragEvent): boolean {
    return event.dataTransfer?.types.includes(BLOCK_DRAG_TYPE) === true;
  }
}
