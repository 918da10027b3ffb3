/** A JSON Schema as sent in `format` or a tool's `parameters` (the simple subset Ollama users send). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  description?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
}

/**
 * Produces a value that satisfies a simple JSON Schema: types, properties/required, items,
 * enum/const, anyOf/oneOf, minItems, min/max, min/maxLength, local `$ref`s.
 * `pick` chooses among options and `word` supplies strings, so the value is deterministic for a seed.
 */
export function schemaValue(
  schema: JsonSchema,
  source: { pick: (count: number) => number; word: (hint: string) => string },
  root: JsonSchema = schema,
  depth = 0,
): unknown {
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/(\$defs|definitions)\//, '');
    const target = root.$defs?.[name] ?? root.definitions?.[name];
    if (target && depth < 8) return schemaValue(target, source, root, depth + 1);
    return {};
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[source.pick(schema.enum.length)];
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices && choices.length > 0) {
    return schemaValue(choices[source.pick(choices.length)] as JsonSchema, source, root, depth + 1);
  }
  const types = Array.isArray(schema.type)
    ? schema.type.filter((type) => type !== 'null')
    : [schema.type];
  const type = types[0] ?? (schema.properties ? 'object' : schema.items ? 'array' : 'string');
  switch (type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      const properties = schema.properties ?? {};
      const wanted = depth > 6 ? (schema.required ?? []) : Object.keys(properties);
      for (const key of wanted) {
        const property = properties[key] ?? {};
        result[key] = schemaValue(
          { ...property, description: property.description ?? key },
          source,
          root,
          depth + 1,
        );
      }
      return result;
    }
    case 'array': {
      const count = Math.max(schema.minItems ?? 0, depth > 6 ? 0 : 1 + source.pick(3));
      return Array.from({ length: count }, () =>
        schemaValue(schema.items ?? { type: 'string' }, source, root, depth + 1),
      );
    }
    case 'integer':
    case 'number': {
      const minimum = schema.minimum ?? 0;
      const maximum = schema.maximum ?? Math.max(minimum + 100, minimum);
      const value = minimum + source.pick(Math.max(1, Math.floor(maximum - minimum) + 1));
      return type === 'integer' ? Math.trunc(value) : value;
    }
    case 'boolean':
      return source.pick(2) === 0;
    case 'null':
      return null;
    default: {
      let text = source.word(schema.description ?? '');
      while (text.length < (schema.minLength ?? 0)) text += ` ${source.word('')}`;
      if (schema.maxLength !== undefined) text = text.slice(0, schema.maxLength);
      return text;
    }
  }
}
