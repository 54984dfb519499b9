import { chartImageDefaults, type ImageId, supports } from '@portkey-setup/schema'
import { useWatch } from 'react-hook-form'
import { ChoiceCards } from '../../components/choice-cards'
import { Field } from '../../components/field'
import type { FormValues } from '../../lib/initial-values'

const IDS: readonly ImageId[] = ['gateway', 'dataService', 'redis']

/**
 * Where the pods pull their images from (inside the Registry step): a mirror for every image, and
 * per image a repository, tag and pull policy. The tag shows the chosen chart's own as its default.
 */
export const ImagesFields = () => {
  const version = useWatch<FormValues>({ name: 'chart.version' })
  const v = typeof version === 'string' ? version : ''
  const defaults = chartImageDefaults(v)
  const ids = IDS.filter((id) => id !== 'redis' || supports(v, 'redisImage'))
  return (
    <section className="subsection" aria-labelledby="images-heading" data-testid="images-fields">
      <h3 id="images-heading" className="subsection__title">
        Images
      </h3>
      <Field name="images.registry" />
      {ids.map((id) => (
        <div key={id} className="nested">
          <Field name={`images.${id}.repository`} />
          <Field
            name={`images.${id}.tag`}
            placeholder={defaults[id].tag}
            note={`Default for chart ${v}: ${defaults[id].tag}.`}
          />
          <ChoiceCards name={`images.${id}.pullPolicy`} compact />
        </div>
      ))}
    </section>
  )
}
