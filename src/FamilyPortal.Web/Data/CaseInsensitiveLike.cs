using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FamilyPortal.Web.Data;

/// <summary>
/// The portal's searches (EF.Functions.Like) ignore case, as they do on SQLite and on SQL Server's default
/// collation. PostgreSQL's LIKE respects case: on PostgreSQL each Like becomes ILIKE before translation.
/// </summary>
public sealed class CaseInsensitiveLike : IQueryExpressionInterceptor
{
    /// <summary>
    /// The one instance: a query expression interceptor is part of the key of EF Core's internal service
    /// provider, so a new one per context would build a new provider per context.
    /// </summary>
    public static readonly CaseInsensitiveLike Instance = new();

    private CaseInsensitiveLike() { }

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) =>
        new LikeRewriter().Visit(queryExpression);

    private sealed class LikeRewriter : ExpressionVisitor
    {
        private static readonly MethodInfo Like = Method(typeof(DbFunctionsExtensions), nameof(DbFunctionsExtensions.Like), 3);
        private static readonly MethodInfo LikeEscaped = Method(typeof(DbFunctionsExtensions), nameof(DbFunctionsExtensions.Like), 4);
        private static readonly MethodInfo ILike = Method(typeof(NpgsqlDbFunctionsExtensions), nameof(NpgsqlDbFunctionsExtensions.ILike), 3);
        private static readonly MethodInfo ILikeEscaped = Method(typeof(NpgsqlDbFunctionsExtensions), nameof(NpgsqlDbFunctionsExtensions.ILike), 4);

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var visited = (MethodCallExpression)base.VisitMethodCall(node);
            if (visited.Method == Like)
            {
                return Expression.Call(ILike, visited.Arguments);
            }
            return visited.Method == LikeEscaped ? Expression.Call(ILikeEscaped, visited.Arguments) : visited;
        }

        private static MethodInfo Method(Type type, string name, int parameters) =>
            type.GetMethods().Single(m => m.Name == name && m.GetParameters().Length == parameters
                && m.GetParameters().Skip(1).All(p => p.ParameterType == typeof(string)));
    }
}
