// The tab's bridge to Teams (teams-js 2.58.0, served by the app): whether we run inside Teams, the Teams theme
// (default, dark, contrast) on <body>, and the channel tab's configuration. Outside Teams the page follows
// prefers-color-scheme (Fluent UI's "system" mode). No user-visible text here: labels come from the server.
(function () {
    'use strict';

    // teams-js only answers inside a Teams frame; at the top level (a browser tab, the tests) do not wait for it.
    var framed = window.parent !== window.self || !!window.opener;
    var ready = null;

    function initialize() {
        if (!framed || !window.microsoftTeams) {
            return Promise.resolve(false);
        }
        if (!ready) {
            var timeout = new Promise(function (resolve) { setTimeout(function () { resolve(false); }, 5000); });
            ready = Promise.race([
                microsoftTeams.app.initialize().then(function () { return true; }, function () { return false; }),
                timeout,
            ]);
        }
        return ready;
    }

    // Teams themes: "default" (light), "dark", "contrast". Fluent UI reads data-theme; contrast adds our own tokens.
    function applyTheme(teamsTheme) {
        var body = document.body;
        var mode = teamsTheme === 'dark' || teamsTheme === 'contrast' ? 'dark' : teamsTheme ? 'light' : 'system';
        body.setAttribute('data-teams-theme', teamsTheme || 'none');
        if (mode === 'system') {
            body.removeAttribute('data-theme');
        } else {
            body.setAttribute('data-theme', mode);
        }
        var theme = window.Microsoft && Microsoft.FluentUI && Microsoft.FluentUI.Blazor && Microsoft.FluentUI.Blazor.Utilities
            && Microsoft.FluentUI.Blazor.Utilities.Theme;
        if (theme && theme.setThemeMode) {
            theme.setThemeMode(mode);
        }
    }

    function followTeamsTheme() {
        return initialize().then(function (inTeams) {
            if (!inTeams) {
                applyTheme(null);
                return null;
            }
            microsoftTeams.app.registerOnThemeChangeHandler(applyTheme);
            return microsoftTeams.app.getContext().then(function (context) {
                applyTheme(context.app.theme);
                return context;
            });
        });
    }

    // The committee channel tab's configuration page (pages.config): the content URL is fixed (/tab/committee).
    function configure(label, entityId) {
        return initialize().then(function (inTeams) {
            if (!inTeams) {
                return false;
            }
            var origin = window.location.origin;
            microsoftTeams.pages.config.registerOnSaveHandler(function (saveEvent) {
                microsoftTeams.pages.config.setConfig({
                    contentUrl: origin + '/tab/committee',
                    websiteUrl: origin + '/tab/committee',
                    entityId: entityId,
                    suggestedDisplayName: label,
                }).then(function () { saveEvent.notifySuccess(); }, function (error) { saveEvent.notifyFailure(String(error)); });
            });
            microsoftTeams.pages.config.setValidityState(true);
            return true;
        });
    }

    window.teamsRiskTab = {
        initialize: initialize,
        followTeamsTheme: followTeamsTheme,
        applyTheme: applyTheme,
        configure: configure,
        framed: function () { return framed; },
    };

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', followTeamsTheme);
    } else {
        followTeamsTheme();
    }
})();
