// /tab/signin: inside Teams, get an SSO token (authentication.getAuthToken) and exchange it for the tab's cookie at
// POST /tab/session, then go where the user was going. Outside Teams, show the browser sign-in instead.
(function () {
    'use strict';
    var main = document.getElementById('content');
    var returnUrl = main.getAttribute('data-return-url') || '/tab/personal';

    function show(id) { document.getElementById(id).hidden = false; }
    function hide(id) { document.getElementById(id).hidden = true; }

    window.teamsRiskTab.followTeamsTheme().then(function (context) {
        if (!context) {
            hide('signin-status');
            show('signin-outside');
            return;
        }
        var locale = context.app && context.app.locale ? context.app.locale : '';
        return microsoftTeams.authentication.getAuthToken().then(function (token) {
            return fetch('tab/session?locale=' + encodeURIComponent(locale), {
                method: 'POST',
                credentials: 'include',
                headers: { 'Authorization': 'Bearer ' + token },
            });
        }).then(function (response) {
            if (!response.ok) {
                throw new Error('session ' + response.status);
            }
            window.location.replace(returnUrl);
        });
    }).catch(function () {
        hide('signin-status');
        show('signin-failed');
        show('signin-outside');
    });
})();
