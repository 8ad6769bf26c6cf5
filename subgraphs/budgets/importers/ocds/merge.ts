import { asText, isObject, type JsonObject } from '../../../kit/import/json';

/** A place in an input file: the file's display name and a JSON path inside it. */
export interface Located {
  file: string;
  path: string;
}

/** One release as read, with where it sits (`$`, `$.releases[2]`, `$.records[0].compiledRelease`). */
export interface SourcedRelease extends Located {
  release: JsonObject;
}

/** An id that occurs twice in one array of one release: merging cannot tell the two objects apart. */
export interface RepeatedId extends Located {
  id: string;
  /** The path of the first object with that id in the same release. */
  first: string;
}

/**
 * The compiled release of one contracting process, and for each of its objects and fields the release (file and
 * path) that last wrote it, so that what is read from the compiled view names the place it was published.
 */
export class CompiledRelease {
  private compiled: JsonObject = {};
  readonly repeatedIds: RepeatedId[] = [];
  private readonly nodes = new WeakMap<object, Located>();
  /** Per object, the place of the object in the release that wrote each field (paths are built when asked for). */
  private readonly fields = new WeakMap<object, Map<string, Located>>();

  get release(): JsonObject {
    return this.compiled;
  }

  /** Where an object or array of the compiled release was last written from. */
  where(node: object): Located {
    const found = this.nodes.get(node);
    if (!found) throw new Error('not a node of this compiled release');
    return found;
  }

  /** Where a field's value was read; under the object's own place when the field is absent. */
  whereField(node: object, key: string): Located {
    const holder = this.fields.get(node)?.get(key) ?? this.where(node);
    return { file: holder.file, path: `${holder.path}.${key}` };
  }

  /** Merges one release into the compiled one: later values replace earlier ones. */
  add(source: SourcedRelease): void {
    this.mergeObject(this.compiled, source.release, { file: source.file, path: source.path });
  }

  /**
   * A process published as one release (or one compiledRelease) is its own compiled release: it is read in place,
   * only indexed, since copying it would double the memory a large file takes for nothing. Its null fields stay,
   * which readers take as absent, as merging would.
   */
  adopt(source: SourcedRelease): void {
    this.compiled = source.release;
    this.index(source.release, { file: source.file, path: source.path });
  }

  private index(node: JsonObject | unknown[], at: Located): void {
    this.nodes.set(node, at);
    if (Array.isArray(node)) {
      if (identified(node)) this.repeated(node, at);
      node.forEach((item, i) => {
        if (isObject(item) || Array.isArray(item)) this.index(item, { file: at.file, path: `${at.path}[${i}]` });
      });
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (isObject(value) || Array.isArray(value)) this.index(value, { file: at.file, path: `${at.path}.${key}` });
    }
  }

  private repeated(items: JsonObject[], at: Located): void {
    const seen = new Map<string, string>();
    items.forEach((item, i) => {
      const key = idKey(item.id)!;
      const first = seen.get(key);
      if (first !== undefined) this.repeatedIds.push({ file: at.file, path: `${at.path}[${i}]`, id: String(item.id), first });
      else seen.set(key, `${at.path}[${i}]`);
    });
  }

  private mergeObject(target: JsonObject, source: JsonObject, at: Located): void {
    this.nodes.set(target, at);
    const fields = this.fields.get(target) ?? new Map();
    this.fields.set(target, fields);
    for (const [key, value] of Object.entries(source)) {
      // OCDS: a field set to null in a later release is removed from the compiled release.
      if (value === null || value === undefined) {
        delete target[key];
        fields.delete(key);
        continue;
      }
      fields.set(key, at);
      if (isObject(value)) {
        const existing = isObject(target[key]) ? (target[key] as JsonObject) : {};
        target[key] = existing;
        this.mergeObject(existing, value, { file: at.file, path: `${at.path}.${key}` });
      } else if (Array.isArray(value)) {
        const here = { file: at.file, path: `${at.path}.${key}` };
        target[key] = identified(value) ? this.mergeById(target[key], value, here) : this.copyList(value, here);
      } else target[key] = value;
    }
  }

  /** Objects with an `id` merge with the earlier object of the same id; new ids are appended in order. */
  private mergeById(existing: unknown, items: JsonObject[], at: Located): JsonObject[] {
    const list = Array.isArray(existing) && identified(existing) ? existing : [];
    this.repeated(items, at);
    items.forEach((item, i) => {
      const key = idKey(item.id)!;
      const itemPath = `${at.path}[${i}]`;
      let target = list.find((candidate) => idKey(candidate.id) === key);
      if (!target) {
        target = {};
        list.push(target);
      }
      this.mergeObject(target, item, { file: at.file, path: itemPath });
    });
    this.nodes.set(list, at);
    return list;
  }

  /** Any other array replaces the earlier one whole. */
  private copyList(items: unknown[], at: Located): unknown[] {
    const list = items.map((item, i) => {
      const here = { file: at.file, path: `${at.path}[${i}]` };
      if (isObject(item)) {
        const copy: JsonObject = {};
        this.mergeObject(copy, item, here);
        return copy;
      }
      return Array.isArray(item) ? this.copyList(item, here) : item;
    });
    this.nodes.set(list, at);
    return list;
  }
}

/** Ids compare by type and value, as OCDS merging does: `1` and `"1"` are different ids. */
function idKey(id: unknown): string | null {
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? `${typeof id}:${id}` : null;
}

function identified(items: unknown[]): items is JsonObject[] {
  return items.length > 0 && items.every((item) => isObject(item) && idKey(item.id) !== null);
}

/** Milliseconds of a release's `date`; a release without a readable date sorts first. */
function timeOf(release: JsonObject): number {
  const time = Date.parse(asText(release.date) ?? '');
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/**
 * OCDS merging of the releases of one process: in date order (releases of the same date keep the order given),
 * objects merge field by field, arrays of objects that all have an `id` merge by id, other arrays are replaced.
 */
export function compileReleases(releases: SourcedRelease[]): CompiledRelease {
  const compiled = new CompiledRelease();
  if (releases.length === 1) {
    compiled.adopt(releases[0]);
    return compiled;
  }
  const ordered = releases.map((release, order) => ({ release, order, time: timeOf(release.release) }));
  ordered.sort((a, b) => a.time - b.time || a.order - b.order);
  for (const { release } of ordered) compiled.add(release);
  return compiled;
}
