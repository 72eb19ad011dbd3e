global using System.Xml.Linq;
global using Microsoft.Extensions.DependencyInjection;
global using SoapMiddleware.Tests.Infrastructure;
