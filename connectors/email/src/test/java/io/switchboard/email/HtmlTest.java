package io.switchboard.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void sanitizingKeepsFormattingAndDropsActiveContent() {
        String clean = Html.sanitize("<div><b>bold</b> <a href=\"https://x.test\" target=\"_top\">x</a>"
                + "<a href=\"JaVaScRiPt:alert(1)\">y</a><img src=\"https://track.test/p.gif\">"
                + "<object data=\"x.swf\"></object><p onclick=\"x()\">p</p></div>");
        assertThat(clean).contains("<b>bold</b>").contains("href=\"https://x.test\"").contains("rel=\"nofollow\"")
                .doesNotContainIgnoringCase("javascript").doesNotContain("<img").doesNotContain("object")
                .doesNotContain("onclick");
        assertThat(Html.sanitize("<script>only()</script>")).isNull();
    }

    @Test
    void textFromHtmlKeepsLinesAndDecodesEntities() {
        assertThat(Html.toText("<p>Hello&nbsp;&amp; welcome</p><p>Line 2<br>Line 3</p><style>p{}</style>"))
                .isEqualTo("Hello & welcome\nLine 2\nLine 3");
    }

    @Test
    void htmlFromTextIsEscapedWithLineBreaks() {
        assertThat(Html.fromText("a < b & \"c\"\nnext")).isEqualTo("<div>a &lt; b &amp; &quot;c&quot;<br>\nnext</div>");
    }
}
