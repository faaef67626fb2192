import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type KeyboardEvent,
  memo,
  type ReactNode,
  type Ref,
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';

/** Every row is this tall (px), always: rows never change height, so nothing jumps. */
export const ROW_HEIGHT = 28;
const HEADER_HEIGHT = 28;

export interface GridColumn<Row> {
  id: string;
  header: string;
  /** A CSS grid track, e.g. '5.5rem' or 'minmax(10rem, 2fr)'. */
  width: string;
  cell: (row: Row) => ReactNode;
  align?: 'end';
}

export type RowKey = string | number;

export interface VirtualGridHandle {
  scrollToTop(): void;
  focus(): void;
}

export interface VirtualGridProps<Row> {
  label: string;
  rows: readonly Row[];
  columns: readonly GridColumn<Row>[];
  rowKey: (row: Row) => RowKey;
  onActivate?: (row: Row) => void;
  rowClass?: (row: Row) => string | undefined;
  /** Brings this row into sight, marks it and focuses the grid; `serial` repeats a request. */
  highlight?: { key: RowKey; serial: number } | null;
  emptyText: string;
  /** Scrolled down, keep the rows in sight in place when rows are added above them. */
  anchorScroll?: boolean;
  /** Called when the list leaves or comes back to its top. */
  onAwayFromTop?: (away: boolean) => void;
  /** Called when keyboard focus enters or leaves the grid. */
  onFocusChange?: (focused: boolean) => void;
  handleRef?: Ref<VirtualGridHandle>;
}

/**
 * A table of any length that draws only the rows in sight. It is an ARIA grid: one tab
 * stop, arrow keys (Home, End, Page Up/Down) move the active row, Enter or Space opens
 * it; the active row is announced through aria-activedescendant.
 */
export function VirtualGrid<Row>(props: VirtualGridProps<Row>) {
  const { rows, columns, rowKey, onActivate, rowClass, highlight, anchorScroll } = props;
  const gridId = useId();
  const scrollRef = useRef<HTMLTableElement>(null);
  const [activeKey, setActiveKey] = useState<RowKey | null>(null);
  const [highlightKey, setHighlightKey] = useState<RowKey | null>(null);
  const awayRef = useRef(false);
  const anchorRef = useRef<{ key: RowKey; offset: number } | null>(null);
  const template = columns.map((c) => c.width).join(' ');

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 3,
    scrollMargin: HEADER_HEIGHT,
    initialRect: { width: 800, height: 600 },
  });

  const indexOf = useCallback(
    (key: RowKey | null) => (key === null ? -1 : rows.findIndex((row) => rowKey(row) === key)),
    [rows, rowKey],
  );
  const activeIndex = indexOf(activeKey);

  const scrollToIndex = useCallback((index: number, align: 'auto' | 'center') => {
    const element = scrollRef.current;
    if (!element) return;
    const top = index * ROW_HEIGHT;
    const visible = element.clientHeight - HEADER_HEIGHT;
    if (align === 'center') {
      element.scrollTop = Math.max(0, top - visible / 2 + ROW_HEIGHT / 2);
    } else if (top < element.scrollTop) {
      element.scrollTop = top;
    } else if (top + ROW_HEIGHT > element.scrollTop + visible) {
      element.scrollTop = top + ROW_HEIGHT - visible;
    }
  }, []);

  useImperativeHandle(
    props.handleRef,
    () => ({
      scrollToTop() {
        if (scrollRef.current) scrollRef.current.scrollTop = 0;
      },
      focus() {
        scrollRef.current?.focus();
      },
    }),
    [],
  );

  // Navigation: bring the row into sight once it exists.
  const highlightSerial = highlight?.serial;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs per request (serial), and again when the row appears
  useEffect(() => {
    if (!highlight) return;
    setHighlightKey(highlight.key);
    const index = indexOf(highlight.key);
    if (index < 0) return;
    setActiveKey(highlight.key);
    scrollToIndex(index, 'center');
    scrollRef.current?.focus({ preventScroll: true });
  }, [highlightSerial, highlight ? indexOf(highlight.key) >= 0 : false]);

  // Scrolled down: keep the same row at the same place as rows are added above it.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    const anchor = anchorRef.current;
    if (!anchorScroll || !element || !anchor || element.scrollTop <= 0) return;
    const index = indexOf(anchor.key);
    if (index < 0) return;
    const wanted = index * ROW_HEIGHT + anchor.offset;
    if (Math.abs(wanted - element.scrollTop) >= 1) element.scrollTop = wanted;
  }, [anchorScroll, indexOf]);

  const onScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    const away = element.scrollTop > ROW_HEIGHT / 2;
    if (away !== awayRef.current) {
      awayRef.current = away;
      props.onAwayFromTop?.(away);
    }
    if (anchorScroll) {
      const index = Math.floor(element.scrollTop / ROW_HEIGHT);
      const row = rows[index];
      anchorRef.current = row
        ? { key: rowKey(row), offset: element.scrollTop - index * ROW_HEIGHT }
        : null;
    }
  };

  const activateRef = useRef(onActivate);
  activateRef.current = onActivate;
  const rowKeyRef = useRef(rowKey);
  rowKeyRef.current = rowKey;
  const onRowClick = useCallback((row: Row) => {
    setActiveKey(rowKeyRef.current(row));
    activateRef.current?.(row);
  }, []);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  const moveTo = (index: number) => {
    if (rows.length === 0) return;
    const clamped = Math.max(0, Math.min(rows.length - 1, index));
    setActiveKey(rowKey(rows[clamped]!));
    scrollToIndex(clamped, 'auto');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const from = activeIndex >= 0 ? activeIndex : first - 1;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(from + 1);
        break;
      case 'ArrowUp':
        moveTo(activeIndex >= 0 ? from - 1 : first);
        break;
      case 'PageDown':
        moveTo(from + page);
        break;
      case 'PageUp':
        moveTo(from - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'Enter':
      case ' ': {
        const row = activeIndex >= 0 ? rows[activeIndex] : undefined;
        if (row === undefined) return;
        onActivate?.(row);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };

  const onFocus = () => {
    props.onFocusChange?.(true);
    if (activeIndex < 0 && rows.length > 0) {
      const visibleFirst = Math.min(
        rows.length - 1,
        Math.ceil((scrollRef.current?.scrollTop ?? 0) / ROW_HEIGHT),
      );
      setActiveKey(rowKey(rows[visibleFirst]!));
    }
  };

  const activeRendered = activeIndex >= first && activeIndex <= last;
  return (
    <div className="grid-frame">
      <table
        ref={scrollRef}
        className="grid"
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA grid pattern on a table: one tab stop, arrow keys move the active row
        role="grid"
        aria-label={props.label}
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length}
        aria-activedescendant={activeRendered ? `${gridId}-${activeIndex}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={onScroll}
        onFocus={onFocus}
        onBlur={() => props.onFocusChange?.(false)}
        style={{ ['--grid-columns' as string]: template }}
      >
        <thead className="grid-head">
          <tr aria-rowindex={1} className="grid-row">
            {columns.map((column) => (
              <th
                scope="col"
                key={column.id}
                className={column.align === 'end' ? 'cell end' : 'cell'}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="grid-body" style={{ height: rows.length * ROW_HEIGHT }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            const key = rowKey(row);
            return (
              // Keyed by position: when rows are added above, each row in sight updates in
              // place instead of being removed and created again.
              <GridRow
                key={item.index}
                id={`${gridId}-${item.index}`}
                index={item.index}
                row={row}
                top={item.index * ROW_HEIGHT}
                columns={columns}
                active={item.index === activeIndex}
                highlighted={key === highlightKey}
                extraClass={rowClass?.(row)}
                onRowClick={onRowClick}
              />
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="grid-empty">{props.emptyText}</p>}
    </div>
  );
}

interface GridRowProps<Row> {
  id: string;
  index: number;
  row: Row;
  top: number;
  columns: readonly GridColumn<Row>[];
  active: boolean;
  highlighted: boolean;
  extraClass: string | undefined;
  onRowClick: (row: Row) => void;
}

function GridRowImpl<Row>(props: GridRowProps<Row>) {
  const classes = ['grid-row', 'body-row'];
  if (props.active) classes.push('active');
  if (props.highlighted) classes.push('highlighted');
  if (props.extraClass) classes.push(props.extraClass);
  return (
    <tr
      // biome-ignore lint/a11y/noRedundantRoles: stated so that [role=row] finds rows too (the whole-app test does)
      role="row"
      id={props.id}
      aria-rowindex={props.index + 2}
      aria-selected={props.highlighted || undefined}
      className={classes.join(' ')}
      style={{ transform: `translateY(${props.top}px)` }}
      onClick={() => props.onRowClick(props.row)}
    >
      {props.columns.map((column) => (
        <td key={column.id} className={column.align === 'end' ? 'cell end' : 'cell'}>
          {column.cell(props.row)}
        </td>
      ))}
    </tr>
  );
}

/** Rows render again only when their own props change. */
const GridRow = memo(GridRowImpl) as typeof GridRowImpl;
