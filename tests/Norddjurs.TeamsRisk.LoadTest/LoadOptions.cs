using System.Globalization;

namespace Norddjurs.TeamsRisk.LoadTest;

/// <summary>The command line. Every option has a default, so <c>dotnet run -c Release --project tests/Norddjurs.TeamsRisk.LoadTest</c> alone runs the benchmark.</summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project tests/Norddjurs.TeamsRisk.LoadTest -- [options]

          --store S            sqlite (default) or sharepoint: the app on SharePoint lists in the Graph emulator,
                               provisioned by the tool; prints Graph round trips (issue 7 item 8)
          --graph-latency-ms L added to every Graph round trip in sharepoint mode (default 150)
          --register-lines R   sharepoint mode: risk lines to seed before reading the register (default 5000; 0 = none)
          --owners N           concurrent owners, each walking its own assessments (default 50; sharepoint 10)
          --assessments K      whole assessments per owner in the measured phase (default 1)
          --duration SECONDS   stop starting new assessments after this long (default: no limit)
          --warmup-owners W    owners that walk one assessment each before measuring (default 10; 0 = none);
                               in sharepoint mode they seed the register, 5 at a time, closed loop (default 25)
          --think-ms MS        mean pause before each click, drawn from 0.5–1.5 × MS; owners start spread over one
                               pause (default 2000: people reading a card; 0 = closed loop, the stress mode)
          --timeout-ms MS      one request's time limit; slower counts as an error (default 10000)
          --seed S             random seed for the chosen answers (default 1)
          --configuration C    build configuration of the app (default Release)
          --no-build           use the app as last built
          --app-url URL        target an app that is already running (no launch, no RSS; its Bot:* settings,
                               directory and register must match; see README)
          --keep               keep the temp folder (app copy, SQLite file, app log)
          --no-floor, --floor  skip or run the bare-Kestrel floor (default: run it on sqlite only)
          --json FILE          also write the figures as JSON
        """;

    public StoreKind Store { get; init; } = StoreKind.Sqlite;

    public TimeSpan GraphLatency { get; init; } = TimeSpan.FromMilliseconds(150);

    public int RegisterLines { get; init; } = 5000;

    /// <summary>
    /// 50 on SQLite (the figure). 10 on SharePoint: the app lets 10 Graph requests be in flight, so at 150 ms
    /// it can make ≈ 66 a second; 50 owners clicking every 2 s would ask for more, and the p99 would be that queue's.
    /// </summary>
    public int Owners => OwnersGiven ?? (Store == StoreKind.SharePoint ? 10 : 50);

    public int? OwnersGiven { get; init; }

    public int AssessmentsPerOwner { get; init; } = 1;

    public TimeSpan? Duration { get; init; }

    /// <summary>
    /// 10; on SharePoint 25, so that seeding 5,000 lines takes 10 assessments each: an owner's list card with 25 open
    /// assessments is over the 28 KB an activity may be (the app refuses it, CardTooLargeException).
    /// </summary>
    public int WarmupOwners => WarmupOwnersGiven ?? (Store == StoreKind.SharePoint ? 25 : 10);

    public int? WarmupOwnersGiven { get; init; }

    /// <summary>
    /// Mean think time. 2 s is a fast reader: a step card (a likelihood with its anchors, a treatment) takes people
    /// several seconds to tens; the shortest realistic pause keeps the load on the app as high as real use can make it.
    /// </summary>
    public TimeSpan Think { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public int Seed { get; init; } = 1;

    public string Configuration { get; init; } = "Release";

    public bool NoBuild { get; init; }

    public Uri? AppUrl { get; init; }

    public bool Keep { get; init; }

    /// <summary>The bare-Kestrel floor; not in SharePoint mode by default, where the yardstick is Graph's latency.</summary>
    public bool Floor => FloorGiven ?? Store == StoreKind.Sqlite;

    public bool? FloorGiven { get; init; }

    public string? JsonFile { get; init; }

    /// <summary>The load model in words, printed with every run (the app's and the floor's are the same).</summary>
    public string LoadModel => Think == TimeSpan.Zero
        ? "closed loop (think 0: each owner clicks the moment an answer arrives; stress mode)"
        : string.Create(CultureInfo.InvariantCulture, $"think time {Think.TotalMilliseconds:0} ms mean, jittered 0.5–1.5× per click, starts spread over one pause");

    /// <summary>The options, or null with the reason in <paramref name="error"/>.</summary>
    public static LoadOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new LoadOptions();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value()
            {
                if (i + 1 >= args.Count)
                {
                    throw new FormatException($"{name} needs a value");
                }

                return args[++i];
            }

            int Whole(int min) =>
                int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
                    ? n
                    : throw new FormatException($"{name} needs a whole number ≥ {min}");

            try
            {
                options = name switch
                {
                    "--store" => options with
                    {
                        Store = Value() switch
                        {
                            "sqlite" => StoreKind.Sqlite,
                            "sharepoint" => StoreKind.SharePoint,
                            _ => throw new FormatException("--store needs sqlite or sharepoint"),
                        },
                    },
                    "--graph-latency-ms" => options with { GraphLatency = TimeSpan.FromMilliseconds(Whole(0)) },
                    "--register-lines" => options with { RegisterLines = Whole(0) },
                    "--owners" => options with { OwnersGiven = Whole(1) },
                    "--assessments" => options with { AssessmentsPerOwner = Whole(1) },
                    "--duration" => options with { Duration = TimeSpan.FromSeconds(Whole(1)) },
                    "--warmup-owners" => options with { WarmupOwnersGiven = Whole(0) },
                    "--think-ms" => options with { Think = TimeSpan.FromMilliseconds(Whole(0)) },
                    "--timeout-ms" => options with { RequestTimeout = TimeSpan.FromMilliseconds(Whole(1)) },
                    "--seed" => options with { Seed = Whole(0) },
                    "--configuration" => options with { Configuration = Value() },
                    "--no-build" => options with { NoBuild = true },
                    "--app-url" => options with
                    {
                        AppUrl = Uri.TryCreate(Value(), UriKind.Absolute, out var url) ? url : throw new FormatException("--app-url needs an absolute URL"),
                    },
                    "--keep" => options with { Keep = true },
                    "--no-floor" => options with { FloorGiven = false },
                    "--floor" => options with { FloorGiven = true },
                    "--json" => options with { JsonFile = Value() },
                    _ => throw new FormatException($"unknown option {name}"),
                };
            }
            catch (FormatException e)
            {
                error = e.Message;
                return null;
            }
        }

        if (options.Store == StoreKind.SharePoint && options.AppUrl is not null)
        {
            error = "--store sharepoint launches its own app (it provisions the site and points Graph:BaseUrl at the emulator); leave out --app-url";
            return null;
        }

        return options;
    }

    /// <summary>SharePoint mode: assessments each warm-up owner walks to seed the register (≈ 20 risk lines each, a low estimate).</summary>
    public int SeedAssessmentsPerOwner => Store == StoreKind.SharePoint && RegisterLines > 0 && WarmupOwners > 0
        ? (int)Math.Ceiling(RegisterLines / (WarmupOwners * 20.0))
        : 1;
}

internal enum StoreKind
{
    Sqlite,
    SharePoint,
}
