export {
  type ChoiceDoc,
  choicesOf,
  choiceTitle,
  docOf,
  type FieldDoc,
  type FieldMeta,
} from './docs.js'
export { fieldTitle, labelOf, SECTION_TITLES } from './labels.js'
export {
  defOf,
  literalValues,
  metaOf,
  type PathSegment,
  peel,
  schemaAt,
  shapeOf,
  unionOption,
  unionParts,
} from './walk.js'
