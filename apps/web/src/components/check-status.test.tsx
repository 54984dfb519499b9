import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { STATUS_TEXT, StatusBadge } from './check-status'

/** The text a screen reader gets: every text node outside an aria-hidden subtree. */
const spokenText = (el: Element): string =>
  Array.from(el.childNodes)
    .map((n) =>
      n.nodeType === Node.TEXT_NODE
        ? (n.textContent ?? '')
        : n instanceof Element && n.getAttribute('aria-hidden') !== 'true'
          ? spokenText(n)
          : '',
    )
    .join('')

describe('StatusBadge', () => {
  it.each(Object.keys(STATUS_TEXT) as (keyof typeof STATUS_TEXT)[])(
    '%s: the icon is hidden from screen readers, the word is what they read',
    (status) => {
      const { container } = render(<StatusBadge status={status} />)
      const badge = container.firstElementChild as HTMLElement
      const icon = badge.querySelector('.badge__icon')
      expect(icon).toHaveAttribute('aria-hidden', 'true')
      expect(icon?.textContent).toMatch(/^\S$/)
      expect(spokenText(badge)).toBe(STATUS_TEXT[status])
      // Icon and word are separate flex items, so the badge's gap keeps them apart.
      expect(screen.getByText(STATUS_TEXT[status]).parentElement).toBe(badge)
      expect(icon?.parentElement).toBe(badge)
    },
  )
})
