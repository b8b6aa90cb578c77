import { escapeHtml, html, multiline, trusted } from './html';

describe('html', () => {
  it('escapes every interpolated string, attributes included', () => {
    const evil = `"><script>alert('x')</script>&`;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">' +
        '&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</p>',
    );
  });

  it('nests safe fragments and lists without escaping them twice', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    const list = html`<ul>
      ${items}
    </ul>`;
    expect(list.value.replace(/\s+/g, '')).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });

  it('renders nothing for null, undefined and false, and numbers as text', () => {
    expect(html`${null}${undefined}${false}${0}`.value).toBe('0');
  });

  it('escapes all five characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('keeps the line breaks of a multiline text as <br>, every line escaped', () => {
    expect(multiline('one <b>\r\ntwo & "three"\rfour\n').value).toBe(
      'one &lt;b&gt;<br>two &amp; &quot;three&quot;<br>four<br>',
    );
    expect(html`<p>${multiline('a\nb')}</p>`.value).toBe('<p>a<br>b</p>');
  });

  it('takes trusted markup as it is, where the same string interpolated is escaped', () => {
    const style = '<style>a > b { content: "&"; }</style>';
    expect(html`${trusted(style)}`.value).toBe(style);
    expect(html`${style}`.value).toBe(
      '&lt;style&gt;a &gt; b { content: &quot;&amp;&quot;; }&lt;/style&gt;',
    );
    expect(String(trusted(style))).toBe(style);
  });
});
