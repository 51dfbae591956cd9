Console.WriteLine("Load tool: not written yet.");
