using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.GraphEmulator.Admin;
using Norddjurs.TeamsRisk.GraphEmulator.Faults;
using Norddjurs.TeamsRisk.GraphEmulator.Items;
using Norddjurs.TeamsRisk.GraphEmulator.Lists;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;
using Norddjurs.TeamsRisk.GraphEmulator.Sites;
using Norddjurs.TeamsRisk.GraphEmulator.Users;

namespace Norddjurs.TeamsRisk.GraphEmulator;

/// <summary>The control surface for tests (§10.2 "admin"): seed, inspect, set faults, reset. Also served over HTTP by <see cref="AdminApi"/>.</summary>
public sealed partial class GraphEmulator
{
    /// <summary>Adds a site (and its host's root site when missing). Graph itself cannot create sites.</summary>
    public SiteState SeedSite(string hostname, string serverRelativePath, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(serverRelativePath);
        lock (_gate)
        {
            var path = "/" + serverRelativePath.Trim('/');
            if (path != "/" && !Sites.Any(s => s.IsRoot && string.Equals(s.Hostname, hostname, StringComparison.OrdinalIgnoreCase)))
            {
                Sites.Add(new SiteState(hostname, "/", "Communication site", Now));
            }
            var existing = Sites.FirstOrDefault(s => string.Equals(s.Hostname, hostname, StringComparison.OrdinalIgnoreCase)
                && string.Equals(s.ServerRelativePath, path, StringComparison.OrdinalIgnoreCase));
            if (existing is not null)
            {
                return existing;
            }
            var site = new SiteState(hostname, path, displayName ?? path[(path.LastIndexOf('/') + 1)..], Now);
            site.UserInformation[Caller.LookupId] = Caller.DisplayName;
            Sites.Add(site);
            return site;
        }
    }

    public void SeedUser(UserState user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate)
        {
            Users[user.Id] = user;
        }
    }

    /// <summary>Puts a user into the site's User Information List, so person columns accept the lookup id (§3.6).</summary>
    public void AddSiteUser(SiteState site, int lookupId, string userPrincipalName)
    {
        ArgumentNullException.ThrowIfNull(site);
        lock (_gate)
        {
            site.UserInformation[lookupId] = userPrincipalName;
        }
    }

    /// <summary>Puts an app into the tenant's catalog so it can be installed for users (§8.5).</summary>
    public void SeedTeamsApp(TeamsAppState app)
    {
        lock (_gate)
        {
            TeamsApps.Add(app);
        }
    }

    public IReadOnlyList<ActivityNotification> ActivityNotifications
    {
        get
        {
            lock (_gate)
            {
                return [.. Notifications];
            }
        }
    }

    public FaultRule AddFault(FaultRule rule)
    {
        lock (_gate)
        {
            _faults.Add(rule);
            return rule;
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    public IReadOnlyList<RequestLogEntry> RequestLog
    {
        get
        {
            lock (_gate)
            {
                return [.. _log];
            }
        }
    }

    public IReadOnlyList<SentMail> SentMail
    {
        get
        {
            lock (_gate)
            {
                return [.. Mail];
            }
        }
    }

    /// <summary>Every item of a list as Graph would return it with <c>$expand=fields</c>.</summary>
    public IReadOnlyList<JsonObject> Items(Guid listId)
    {
        lock (_gate)
        {
            var list = List(listId);
            return [.. list.Items.Values.Select(i => ItemJson.Item(list, i, FieldProjection.All, null))];
        }
    }

    public ListState? FindList(Guid listId)
    {
        lock (_gate)
        {
            return Sites.SelectMany(s => s.Lists).FirstOrDefault(l => l.Id == listId);
        }
    }

    /// <summary>A user editing the item in SharePoint: same validation, shows as lastModifiedBy (issue 7, committee edits).</summary>
    public JsonObject EditItemAs(Guid listId, int itemId, JsonObject fields, Actor user)
    {
        lock (_gate)
        {
            var list = List(listId);
            var item = list.Items.GetValueOrDefault(itemId) ?? throw GraphException.NotFound(itemId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            ItemsEndpoint.Write(ControlContext(), list, item, fields, user);
            return ItemJson.Item(list, item, FieldProjection.All, null);
        }
    }

    /// <summary>Makes every delta token issued so far answer 410 resync (as after the retention has passed).</summary>
    public void ExpireDeltaTokens(Guid listId)
    {
        lock (_gate)
        {
            var list = List(listId);
            list.OldestServableSequence = ++list.ChangeSequence;
        }
    }

    /// <summary>Forgets all state, faults and the log; options stay as set.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            Sites.Clear();
            Users.Clear();
            Mail.Clear();
            TeamsApps.Clear();
            Installations.Clear();
            Notifications.Clear();
            _faults.Clear();
            _log.Clear();
            _random = new Random(Options.Seed);
        }
    }

    private ListState List(Guid listId) =>
        Sites.SelectMany(s => s.Lists).FirstOrDefault(l => l.Id == listId) ?? throw GraphException.NotFound(listId.ToString());

    private RequestContext ControlContext() =>
        new(this, new EmulatorRequest("PATCH", "http://emulator", "/_emulator", EmulatorRequest.NewHeaders(), null), RequestTarget.Parse("/_emulator"));
}
