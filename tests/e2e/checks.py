"""What every public page must pass in a real browser, and a tally of what was checked.

- axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules: no violation;
- the document outline: exactly one h1 and no skipped heading level;
- every form control has an accessible name (axe checks it; the outline check also
  looks for controls with neither a label nor aria-label);
- focus is visible: the first focusable elements reached with Tab show an outline or
  a shadow that they do not show unfocused;
- every aria-describedby, aria-labelledby and aria-controls points to an element
  that exists (axe only asks for a review of these);
- reflow at 320 CSS px (overflow_problems) and the focus ring's contrast
  (focus_ring_problems) are measured by their own test modules.
"""

from collections import Counter

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FOCUS_STEPS = 8

_axe = Axe()


class Report:
    def __init__(self):
        self.pages = set()
        self.states = Counter()
        self.screenshots = 0

    def checked(self, name, state):
        self.pages.add(name)
        self.states[state] += 1

    def summary(self):
        if not self.pages:
            return []
        states = ", ".join(f"{count} {state}" for state, count in self.states.items())
        return [
            f"{len(self.pages)} pages checked in {sum(self.states.values())} states "
            f"({states}); {self.screenshots} screenshots in test-artefacts/e2e/"
        ]


REPORT = Report()


def axe_violations(page):
    results = _axe.run(
        page,
        options={
            "runOnly": {"type": "tag", "values": WCAG_TAGS},
            "resultTypes": ["violations"],
        },
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]


OUTLINE_SCRIPT = """() => {
  const levels = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]
    .filter(h => h.offsetParent !== null || h.getClientRects().length)
    .map(h => Number(h.tagName[1]));
  const controls = 'input:not([type=hidden]):not([type=submit]):not([type=button]),'
                 + ' select, textarea';
  const unlabelled = [...document.querySelectorAll(controls)]
    .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                  && !el.getAttribute('aria-labelledby') && !el.closest('[hidden]'))
    .filter(el => !el.closest('[aria-hidden=true]') && el.name !== 'website')
    .map(el => el.name || el.id);
  return {levels, unlabelled};
}"""


def outline_problems(page):
    found = page.evaluate(OUTLINE_SCRIPT)
    levels, problems = found["levels"], []
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} h1 elements (one expected)")
    previous = 0
    for level in levels:
        if previous and level > previous + 1:
            problems.append(f"heading level skipped: h{previous} then h{level}")
        previous = level
    if found["unlabelled"]:
        problems.append(f"controls without a label: {found['unlabelled']}")
    return problems


FOCUS_SCRIPT = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                  || (style.boxShadow && style.boxShadow !== 'none');
  return {tag: el.tagName, text: (el.innerText || el.name || '').slice(0, 40), visible};
}"""


def focus_problems(page):
    problems = []
    page.locator("body").focus()
    for _step in range(FOCUS_STEPS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_SCRIPT)
        if focused is None:
            break
        if not focused["visible"]:
            problems.append(f"no visible focus on {focused['tag']} {focused['text']!r}")
    return problems


# axe lists a reference to a missing id among the results it "needs to review"; here
# it is a failure: a field that points to no help or error text is announced alone.
REFERENCES_SCRIPT = """() => {
  const broken = [];
  for (const attr of ['aria-describedby', 'aria-labelledby', 'aria-controls'])
    for (const el of document.querySelectorAll(`[${attr}]`))
      for (const id of el.getAttribute(attr).split(/\\s+/).filter(Boolean))
        if (!document.getElementById(id))
          broken.push(`${el.tagName.toLowerCase()}#${el.id || el.name} `
                      + `${attr}="${id}"`);
  return broken;
}"""


def broken_references(page):
    return [
        f"reference to a missing id: {found}"
        for found in page.evaluate(REFERENCES_SCRIPT)
    ]


def check_page(page, name, state):
    """Every check on the page as it is now; returns the list of problems."""
    REPORT.checked(name, state)
    return [
        *axe_violations(page),
        *outline_problems(page),
        *focus_problems(page),
        *broken_references(page),
    ]


def screenshot(page, folder, name):
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    REPORT.screenshots += 1
    return path


# Reflow (WCAG 1.4.10): at 320 CSS px nothing but data tables and charts may need a
# second dimension of scrolling, and those scroll inside their own box. The problem
# names the outermost elements that stick out of the page (not clipped by a scrolling
# or hidden-overflow box that actually contains them).
OVERFLOW_SCRIPT = """() => {
  const width = document.documentElement.clientWidth;
  const scrolled = document.documentElement.scrollWidth;
  if (scrolled <= width) return null;
  const positioned = el => getComputedStyle(el).position !== 'static';
  const clipped = el => {
    let outOfFlow = ['absolute', 'fixed'].includes(getComputedStyle(el).position);
    for (let box = el.parentElement; box && box !== document.body;
         box = box.parentElement) {
      if (outOfFlow && !positioned(box)) continue;
      if (getComputedStyle(box).overflowX !== 'visible') return true;
      outOfFlow = ['absolute', 'fixed'].includes(getComputedStyle(box).position);
    }
    return false;
  };
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + [...el.classList].map(c => '.' + c).join('');
  const culprits = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.right <= width + 1 || box.width === 0 || clipped(el)) continue;
    if (el.parentElement.getBoundingClientRect().right > width + 1) continue;
    culprits.push(`${name(el.parentElement)} > ${name(el)} ends at `
      + `${Math.round(box.right)} px: "${(el.textContent || '').trim().slice(0, 40)}"`);
  }
  return {scrolled, width, culprits: culprits.slice(0, 6)};
}"""


def overflow_problems(page):
    """Why the page scrolls sideways, or [] when it does not."""
    found = page.evaluate(OVERFLOW_SCRIPT)
    if found is None:
        return []
    return [
        f"page is {found['scrolled']} px wide in a {found['width']} px viewport",
        *found["culprits"],
    ]


# Focus appearance (WCAG 2.4.7, 1.4.11; measured as 2.4.13 defines it): the pixels
# that change when an element takes keyboard focus must, over an area at least as
# large as a 2 CSS px perimeter of the element, reach 3:1 against the same pixels
# unfocused, whatever the background there.
FOCUS_REGIONS = {
    "header": ".site-header__bar a.brand",
    "header-button": ".site-search button",
    "language": ".language-switcher a",
    "menu": ".main-nav a",
    "main": "main a[href], main button",
    "feedback": ".feedback-widget input[type=radio], .feedback-widget button",
    "footer": ".site-footer a",
}
RING_MARGIN = 12

FIRST_VISIBLE_SCRIPT = """(selector) => {
  for (const el of document.querySelectorAll(selector)) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width > 0 && box.height > 0 && style.visibility !== 'hidden'
        && !el.closest('[hidden], .visually-hidden')) {
      el.scrollIntoView({block: 'center'});
      el.setAttribute('data-focus-probe', '');
      return true;
    }
  }
  return false;
}"""


def _luminance(pixel):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in pixel[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one, other):
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _pixels(png):
    import io

    from PIL import Image

    raw = Image.open(io.BytesIO(png)).convert("RGB").tobytes()
    return [tuple(raw[index : index + 3]) for index in range(0, len(raw), 3)]


def focus_ring(page, selector):
    """(pixels reaching 3:1, pixels needed) for the first visible match, or None."""
    page.evaluate(
        "() => { document.activeElement && document.activeElement.blur();"
        " document.querySelectorAll('[data-focus-probe]')"
        ".forEach(el => el.removeAttribute('data-focus-probe')); }"
    )
    if not page.evaluate(FIRST_VISIBLE_SCRIPT, selector):
        return None
    probe = page.locator("[data-focus-probe]")
    box = probe.bounding_box()
    viewport = page.viewport_size
    left, top = max(0, box["x"] - RING_MARGIN), max(0, box["y"] - RING_MARGIN)
    clip = {
        "x": left,
        "y": top,
        "width": min(viewport["width"], box["x"] + box["width"] + RING_MARGIN) - left,
        "height": min(viewport["height"], box["y"] + box["height"] + RING_MARGIN) - top,
    }
    before = _pixels(page.screenshot(clip=clip, animations="disabled"))
    probe.focus()
    assert page.evaluate("() => document.activeElement.matches(':focus-visible')")
    after = _pixels(page.screenshot(clip=clip, animations="disabled"))
    strong = sum(
        1
        for old, new in zip(before, after, strict=True)
        if old != new and contrast(old, new) >= 3
    )
    return strong, round(4 * (box["width"] + box["height"]))


def focus_ring_problems(page):
    problems = []
    for region, selector in FOCUS_REGIONS.items():
        measured = focus_ring(page, selector)
        if measured is None:
            continue
        strong, needed = measured
        if strong < needed:
            problems.append(
                f"focus ring in {region} ({selector}): {strong} px reach 3:1, "
                f"{needed} px needed"
            )
    return problems
