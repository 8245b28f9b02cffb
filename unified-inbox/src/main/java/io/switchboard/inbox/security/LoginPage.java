package io.switchboard.inbox.security;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** The console's login form, rendered here so it carries the CSRF token without any template engine. */
@Controller
class LoginPage {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(CsrfToken csrf, @RequestParam(required = false) String error,
                 @RequestParam(required = false) String logout) {
        String notice = error != null ? "<p class=\"notice error\">Wrong username or password.</p>"
                : logout != null ? "<p class=\"notice\">You are logged out.</p>" : "";
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Switchboard — log in</title>
                  <link rel="stylesheet" href="/console/console.css">
                </head>
                <body class="login-page">
                  <form class="login" method="post" action="/login">
                    <h1>Switchboard</h1>
                    %s
                    <label>Username <input name="username" autocomplete="username" required autofocus></label>
                    <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
                    <input type="hidden" name="%s" value="%s">
                    <button type="submit">Log in</button>
                  </form>
                </body>
                </html>
                """.formatted(notice, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
