using System.Text;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;

namespace Norddjurs.TeamsRisk.GraphEmulator.Query;

/// <summary>
/// Recursive-descent parser for the <c>$filter</c> subset of §10.4:
/// <c>or</c> over <c>and</c> over (<c>not</c>) primaries; a primary is a parenthesised expression,
/// <c>startswith(path,'x')</c> or <c>path op literal</c>. Strings are single-quoted with <c>''</c> for a quote.
/// </summary>
internal sealed class FilterParser
{
    private static readonly string[] Operators = ["eq", "ne", "lt", "gt", "le", "ge"];
    private readonly List<string> _tokens;
    private int _position;

    private FilterParser(List<string> tokens) => _tokens = tokens;

    public static FilterNode Parse(string filter)
    {
        var parser = new FilterParser(Tokenise(filter));
        var node = parser.Or();
        if (parser._position != parser._tokens.Count)
        {
            throw Invalid(filter, $"unexpected '{parser._tokens[parser._position]}'");
        }
        return node;
    }

    private FilterNode Or()
    {
        var left = And();
        while (Accept("or"))
        {
            left = new OrNode(left, And());
        }
        return left;
    }

    private FilterNode And()
    {
        var left = Unary();
        while (Accept("and"))
        {
            left = new AndNode(left, Unary());
        }
        return left;
    }

    private FilterNode Unary() => Accept("not") ? new NotNode(Primary()) : Primary();

    private FilterNode Primary()
    {
        if (Accept("("))
        {
            var inner = Or();
            Expect(")");
            return inner;
        }
        var name = Next("a field");
        if (string.Equals(name, "startswith", StringComparison.OrdinalIgnoreCase) && Accept("("))
        {
            var field = Next("a field");
            Expect(",");
            var prefix = LiteralToken();
            Expect(")");
            return prefix.Kind == LiteralKind.String ? new StartsWithNode(field, prefix.Text) : throw Invalid(name, "startswith needs a string");
        }
        var op = Next("an operator").ToLowerInvariant();
        if (!Operators.Contains(op, StringComparer.Ordinal))
        {
            throw Invalid(op, "unknown operator");
        }
        return new CompareNode(name, op, LiteralToken());
    }

    private Literal LiteralToken()
    {
        var token = Next("a value");
        if (token.StartsWith('\''))
        {
            return new Literal(LiteralKind.String, token[1..^1].Replace("''", "'", StringComparison.Ordinal));
        }
        return token.ToLowerInvariant() switch
        {
            "null" => new Literal(LiteralKind.Null, ""),
            "true" or "false" => new Literal(LiteralKind.Boolean, token.ToLowerInvariant()),
            _ when decimal.TryParse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
                => new Literal(LiteralKind.Number, token),
            _ => new Literal(LiteralKind.Bare, token),
        };
    }

    private bool Accept(string token)
    {
        if (_position < _tokens.Count && string.Equals(_tokens[_position], token, StringComparison.OrdinalIgnoreCase))
        {
            _position++;
            return true;
        }
        return false;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw Invalid(token, "expected here");
        }
    }

    private string Next(string what) =>
        _position < _tokens.Count ? _tokens[_position++] : throw Invalid("", $"expected {what} at the end");

    private static List<string> Tokenise(string filter)
    {
        var tokens = new List<string>();
        for (var i = 0; i < filter.Length;)
        {
            var c = filter[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '\'')
            {
                var builder = new StringBuilder("'");
                i++;
                while (true)
                {
                    if (i >= filter.Length)
                    {
                        throw Invalid(filter, "unterminated string");
                    }
                    if (filter[i] == '\'' && i + 1 < filter.Length && filter[i + 1] == '\'')
                    {
                        builder.Append("''");
                        i += 2;
                    }
                    else if (filter[i] == '\'')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        builder.Append(filter[i++]);
                    }
                }
                tokens.Add(builder.Append('\'').ToString());
            }
            else
            {
                var start = i;
                while (i < filter.Length && !char.IsWhiteSpace(filter[i]) && filter[i] is not ('(' or ')' or ',' or '\''))
                {
                    i++;
                }
                tokens.Add(filter[start..i]);
            }
        }
        return tokens;
    }

    private static GraphException Invalid(string near, string problem) =>
        GraphException.Invalid($"Invalid filter clause: {problem} near '{near}'.");
}
