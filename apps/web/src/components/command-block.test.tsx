import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { CommandBlock } from './command-block'

const policy = JSON.stringify(
  { Statement: [{ Resource: ['arn:aws:iam::123456789012:role/PortkeyLogs-with-a-long-name'] }] },
  null,
  2,
)

describe('CommandBlock', () => {
  it('shows the code, unwrapped, in a scroll region keyboard users can reach, named by its caption', () => {
    render(<CommandBlock block={{ kind: 'json', label: 'iam/trust-policy.json', content: policy }} />)
    const region = screen.getByRole('region', { name: 'iam/trust-policy.json' })
    expect(region).toHaveAttribute('tabindex', '0')
    const pre = region.querySelector('pre')
    // The whitespace is kept as written, indentation included.
    expect(pre?.textContent).toBe(policy)
    expect(within(screen.getByTestId('command-block')).getByRole('button', { name: 'Copy' })).toBeVisible()
  })
})
